import { formatGatewayError } from './gateway-errors';

const coercion = (message: string) => formatGatewayError({ message, extensions: { code: 'BAD_USER_INPUT' } }).extensions;

describe('input errors caught by the gateway name their field', () => {
  it('names a wrong enum value by its path', () => {
    expect(
      coercion('Variable "$input" got invalid value "PIGEON" at "input.channel"; Value "PIGEON" does not exist in "Channel" enum.'),
    ).toMatchObject({
      field: 'channel',
      reason: 'Value "PIGEON" does not exist in "Channel" enum.',
    });
  });
  it('names an unknown input field', () => {
    expect(
      coercion('Variable "$input" got invalid value { priority: "HIGH" }; Field "priority" is not defined by type "FileComplaintInput".'),
    ).toMatchObject({ field: 'priority' });
  });
  it('names a missing required field', () => {
    expect(
      coercion('Variable "$input" got invalid value {}; Field "description" of required type "String!" was not provided.'),
    ).toMatchObject({ field: 'description' });
  });
  it('leaves errors that already carry a field, and other codes, alone', () => {
    expect(formatGatewayError({ message: 'x', extensions: { code: 'BAD_USER_INPUT', field: 'siteId' } }).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'siteId',
    });
    expect(formatGatewayError({ message: 'x', extensions: { code: 'FORBIDDEN' } }).extensions).toEqual({ code: 'FORBIDDEN' });
  });
});
