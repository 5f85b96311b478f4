import type { ReactNode } from 'react';

/**
 * A number's cell on a printed sheet. A number longer than the column holds at the sheet's size (`fits` characters)
 * is set smaller, down to 6 pt, so that 1453.4% or 12,345,678.90 stays inside its cell; the sheet's CSS lets what is
 * still too long wrap instead of running over the border.
 */
export function NumCell({
  text,
  fits,
  basePt = 9,
  className = 'num',
  children,
}: {
  text: string;
  fits: number;
  basePt?: number;
  className?: string;
  children?: ReactNode;
}) {
  const size = text.length > fits ? Math.max(6, (basePt * fits) / text.length) : null;
  return (
    <td className={className} style={size === null ? undefined : { fontSize: `${size.toFixed(1)}pt` }}>
      {children ?? text}
    </td>
  );
}
