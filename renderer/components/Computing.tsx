import { Alert, Spin } from 'antd';

/**
 * Where figures are computed in core (charts, a sheet, a bulletin): the refusal as an error box titled `failed`, or a
 * spinner saying what is being done until `done`.
 */
export function Computing({
  done,
  error,
  failed,
  tip,
  height = 240,
}: {
  done: boolean;
  error: string | null;
  failed: string;
  tip: string;
  height?: number;
}) {
  if (error) return <Alert type="error" showIcon message={failed} description={error} style={{ marginBottom: 12 }} />;
  if (done) return null;
  return (
    <Spin tip={tip}>
      <div style={{ height }} />
    </Spin>
  );
}
