/** "Visa •••• 4242", "Demo Bank •••• 3000": how a person recognises a method (never more than 4 digits). */
export function methodName(m: { brand: string | null; bankName: string | null; last4: string }): string {
  const name = m.brand ? m.brand.charAt(0).toUpperCase() + m.brand.slice(1) : (m.bankName ?? "");
  return `${name} •••• ${m.last4}`.trim();
}
