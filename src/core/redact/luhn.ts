/**
 * The Luhn (mod 10) check that every payment card number satisfies. Takes ASCII digits only:
 * anything else, or fewer than two digits, is not a number with a check digit.
 */
export function luhnValid (digits: string): boolean {
  if (digits.length < 2) return false
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    const digit = digits.charCodeAt(i) - 0x30
    if (digit < 0 || digit > 9) return false
    const value = double ? digit * 2 : digit
    sum += value > 9 ? value - 9 : value
    double = !double
  }
  return sum % 10 === 0
}
