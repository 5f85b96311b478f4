import { Card } from 'antd';
import type { ReactNode } from 'react';

/** The card in the middle of the window used before sign-in (setup, login). */
export function CenteredCard({ width, children }: { width: number; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(180deg, #eef3f9 0%, #f7f9fc 100%)',
        padding: 24,
      }}
    >
      <Card style={{ width, maxWidth: '100%' }}>{children}</Card>
    </div>
  );
}
