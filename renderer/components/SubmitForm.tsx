import { Form } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * A form whose Enter and submit button run `onSubmit` (react-hook-form's handleSubmit) instead of the browser's own
 * submit, which would reload the page.
 */
export function SubmitForm({
  onSubmit,
  layout = 'vertical',
  style,
  children,
}: {
  onSubmit: () => Promise<unknown>;
  layout?: 'vertical' | 'horizontal';
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <Form
      layout={layout}
      style={style}
      onSubmitCapture={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </Form>
  );
}
