import { Button, Result, Typography } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Another value (the address of another page) tries again. */
  resetKey: string;
}

/**
 * A page that fails while drawing shows what happened and a way on, instead of leaving the window blank; the rest of
 * the shell (navigation, 退出登录) keeps working. What was saved is in the store: nothing is lost by trying again.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null; resetKey: string }> {
  override state = { error: null as Error | null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { resetKey: string }) {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The developer console of the desktop app (and the browser's) keeps where it happened.
    console.error(error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Result
        status="error"
        title="这个页面出错了"
        subTitle={
          <>
            已保存的记录不受影响。可以重试，或从左侧菜单打开其他页面；如果反复出现，请把下面的说明告诉技术支持。
            <Typography.Paragraph type="secondary" copyable style={{ marginTop: 8 }}>
              {error.message}
            </Typography.Paragraph>
          </>
        }
        extra={<Button onClick={() => this.setState({ error: null })}>重试</Button>}
      />
    );
  }
}
