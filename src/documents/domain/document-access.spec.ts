import { canChangeDocument, canSeeDocument } from './document-access';

describe('document access', () => {
  const headOffice = { outletId: null };
  const suzhou = { outletId: 'outlet-suzhou' };

  it('shows company-wide documents to everyone and an outlet’s own to that outlet and head office', () => {
    expect(canSeeDocument(headOffice, null)).toBe(true);
    expect(canSeeDocument(suzhou, null)).toBe(true);
    expect(canSeeDocument(headOffice, 'outlet-suzhou')).toBe(true);
    expect(canSeeDocument(suzhou, 'outlet-suzhou')).toBe(true);
    expect(canSeeDocument(suzhou, 'outlet-jiaxing')).toBe(false);
  });

  it('lets an outlet’s manager change only that outlet’s documents', () => {
    expect(canChangeDocument(headOffice, null)).toBe(true);
    expect(canChangeDocument(headOffice, 'outlet-suzhou')).toBe(true);
    expect(canChangeDocument(suzhou, 'outlet-suzhou')).toBe(true);
    expect(canChangeDocument(suzhou, null)).toBe(false);
    expect(canChangeDocument(suzhou, 'outlet-jiaxing')).toBe(false);
  });
});
