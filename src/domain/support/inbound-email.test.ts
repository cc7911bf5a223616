import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalMessageId, isAutomated, messageIdsIn, stripQuotedHistory, ticketNumberInSubject, urgencyOfRecipients } from "./inbound-email";

const desk = { regularAddress: "support@acme.test", urgentAddress: "urgent@acme.test" };

describe("support e-mail intake rules", () => {
  it("takes the urgency from the desk address written to, any case; urgent wins; none for other addresses", () => {
    expect(urgencyOfRecipients(["Support@ACME.test"], desk)).toBe("REGULAR");
    expect(urgencyOfRecipients(["support@acme.test", "urgent@acme.test"], desk)).toBe("URGENT");
    expect(urgencyOfRecipients(["sales@acme.test"], desk)).toBeNull();
  });

  it("finds the ticket reference in a reply's subject", () => {
    expect(ticketNumberInSubject("RE: TR: [T-42] Printer")).toBe(42);
    expect(ticketNumberInSubject("[t-7] lower case")).toBe(7);
    expect(ticketNumberInSubject("T-42 without brackets")).toBeNull();
    expect(ticketNumberInSubject("[T-0] zero")).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 1, max: 2_147_483_647 }), fc.string(), (n, rest) => ticketNumberInSubject(`Re: [T-${n}] ${rest.replace(/\[/g, "")}`) === n));
  });

  it("reads Message-IDs of In-Reply-To / References and writes them with brackets", () => {
    expect(messageIdsIn("<a@b> <c@d>\r\n <a@b>")).toEqual(["<a@b>", "<c@d>"]);
    expect(messageIdsIn(["<x@y>"])).toEqual(["<x@y>"]);
    expect(messageIdsIn(undefined)).toEqual([]);
    expect(canonicalMessageId(" a@b ")).toBe("<a@b>");
  });

  it("recognises machine mail (RFC 3834, bounces, lists, our own addresses) and lets people's mail through", () => {
    const own = [desk.regularAddress, desk.urgentAddress];
    expect(isAutomated({ from: "ann@client.test" }, own)).toBe(false);
    expect(isAutomated({ from: "ann@client.test", autoSubmitted: "no" }, own)).toBe(false);
    expect(isAutomated({ from: "ann@client.test", autoSubmitted: "auto-replied" }, own)).toBe(true);
    expect(isAutomated({ from: "ann@client.test", precedence: "bulk" }, own)).toBe(true);
    expect(isAutomated({ from: "ann@client.test", listId: "<news.client.test>" }, own)).toBe(true);
    expect(isAutomated({ from: "MAILER-DAEMON@mx.test" }, own)).toBe(true);
    expect(isAutomated({ from: "no-reply@shop.test" }, own)).toBe(true);
    expect(isAutomated({ from: "URGENT@acme.test" }, own)).toBe(true);
    expect(isAutomated({ from: "noreen@client.test" }, own)).toBe(false);
  });

  it("keeps the new text of a reply and drops the quoted history, in the three languages", () => {
    expect(stripQuotedHistory("Thanks!\n\nOn Mon, 1 Dec 2026 at 10:00, Desk <s@a.test> wrote:\n> old")).toBe("Thanks!");
    expect(stripQuotedHistory("Merci\r\n\r\nLe lun. 1 déc. 2026 à 10:00, Desk a écrit :\r\n> ancien")).toBe("Merci");
    expect(stripQuotedHistory("Gracias\nEl lun, 1 dic 2026, Desk escribió:\n> viejo")).toBe("Gracias");
    expect(stripQuotedHistory("New line\n> quoted\n>\n> more")).toBe("New line");
    expect(stripQuotedHistory("> only quoted")).toBe("> only quoted");
    expect(stripQuotedHistory("Answer\n> quoted\nmy comment inline")).toBe("Answer\n> quoted\nmy comment inline");
  });
});
