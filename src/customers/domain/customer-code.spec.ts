import { nextCustomerCode } from './customer-code';

describe('generated customer codes', () => {
  it('starts at KH000001', () => {
    expect(nextCustomerCode(null)).toBe('KH000001');
  });

  it('follows the highest code so far', () => {
    expect(nextCustomerCode('KH000041')).toBe('KH000042');
    expect(nextCustomerCode('KH099999')).toBe('KH100000');
  });

  it('has no code after KH999999', () => {
    expect(nextCustomerCode('KH999998')).toBe('KH999999');
    expect(nextCustomerCode('KH999999')).toBeNull();
  });

  it('refuses to follow a code it did not generate', () => {
    expect(() => nextCustomerCode('KH-0001')).toThrow('Not a generated customer code');
  });
});
