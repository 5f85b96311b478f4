/** A picked file's bytes as base64, the way the contract carries files to core. */
export function readFileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('无法读取所选文件，请确认文件未被其他程序占用'));
    reader.readAsDataURL(file);
  });
}
