import { HONEYPOT_FIELD } from "@/contracts/access-requests";

/**
 * A field people never see nor reach with the keyboard; form-filling robots fill it, and the server
 * then drops their submission while answering as if it had worked.
 */
export function Honeypot({ label }: { label: string }) {
  return (
    <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
      <label htmlFor={`hp-${HONEYPOT_FIELD}`}>{label}</label>
      <input id={`hp-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
