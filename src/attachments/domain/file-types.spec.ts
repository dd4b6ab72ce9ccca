import { checkFile, cleanFileName } from './file-types';

describe('checkFile', () => {
  it.each([
    ['现场照片.JPG', 'image/jpeg', 'image/jpeg'],
    ['photo.jpeg', 'image/jpeg', 'image/jpeg'],
    ['IMG_0001.heic', 'image/heic', 'image/heic'],
    ['IMG_0002.HEIC', 'image/heif', 'image/heif'],
    ['screen.png', 'image/png', 'image/png'],
    ['anim.gif', 'image/gif', 'image/gif'],
    ['pic.webp', 'image/webp', 'image/webp'],
    ['服务协议.pdf', 'application/pdf', 'application/pdf'],
    ['report.doc', 'application/msword', 'application/msword'],
    [
      'report.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['sheet.xls', 'application/vnd.ms-excel', 'application/vnd.ms-excel'],
    [
      'sheet.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['slides.ppt', 'application/vnd.ms-powerpoint', 'application/vnd.ms-powerpoint'],
    [
      'slides.pptx',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    ['text.odt', 'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.text'],
    [
      'calc.ods',
      'application/vnd.oasis.opendocument.spreadsheet',
      'application/vnd.oasis.opendocument.spreadsheet',
    ],
    ['notes.txt', 'Text/Plain; charset=utf-8', 'text/plain'],
    ['list.csv', 'text/csv', 'text/csv'],
  ])('accepts %s sent as %s (stored as %s)', (name, declared, stored) => {
    expect(checkFile(name, declared)).toEqual({ ok: true, fileName: name, contentType: stored });
  });

  it.each([
    ['setup.exe', 'application/x-msdownload', 'unsupported_type'],
    ['page.html', 'text/html', 'unsupported_type'],
    ['drawing.svg', 'image/svg+xml', 'unsupported_type'],
    ['bundle.zip', 'application/zip', 'unsupported_type'],
    ['data.bin', 'application/octet-stream', 'unsupported_type'],
    ['setup.exe', 'application/pdf', 'extension_mismatch'],
    ['scan.pdf.exe', 'application/pdf', 'extension_mismatch'],
    ['photo.png', 'image/jpeg', 'extension_mismatch'],
    ['README', 'text/plain', 'extension_mismatch'],
    ['.pdf', 'application/pdf', 'extension_mismatch'],
    ['  ', 'application/pdf', 'bad_name'],
  ])('refuses %s sent as %s (%s)', (name, declared, reason) => {
    expect(checkFile(name, declared)).toMatchObject({ ok: false, reason });
  });
});

describe('cleanFileName', () => {
  it('drops folders, control characters and surrounding blanks', () => {
    expect(cleanFileName('C:\\Users\\王\\桌面\\发票.pdf')).toBe('发票.pdf');
    expect(cleanFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(cleanFileName(' 合同\u0000\r\n.pdf ')).toBe('合同.pdf');
  });

  it('shortens a long name to 255 characters, keeping the extension', () => {
    const cleaned = cleanFileName(`${'很长的文件名'.repeat(60)}.docx`);
    expect([...cleaned]).toHaveLength(255);
    expect(cleaned).toBe(`${[...'很长的文件名'.repeat(60)].slice(0, 250).join('')}.docx`);
  });
});
