/**
 * The Chinese font every PDF is set in. It travels with the npm dependencies (Noto Sans SC, SIL Open
 * Font License), so a fresh machine renders Chinese without any system font; pdfkit embeds only the
 * glyphs a document uses.
 */
export const FONT_REGULAR =
  require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
export const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

/** Registers the two faces on a document as 'regular' and 'bold', and starts in regular. */
export function useChineseFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('regular');
}
