/**
 * The chart's SVG drawn on a white canvas at twice its size, with the title above it, as a PNG.
 */
export async function chartToPng(svg: SVGSVGElement, title: string): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const source = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('图表转换为图片失败'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await loaded;
  const scale = 2;
  const titleHeight = 36;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((height + titleHeight) * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('无法生成图片');
  context.scale(scale, scale);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height + titleHeight);
  context.fillStyle = '#000';
  context.font = '600 16px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  context.fillText(title, 12, 24);
  context.drawImage(image, 0, titleHeight, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('无法生成图片'))), 'image/png'),
  );
}
