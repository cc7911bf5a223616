import { isLocale } from "@/domain/i18n/locales";
import { portalMessage, readPortalMessages } from "@/domain/portal-rules/portal-messages";
import { appUrl } from "@/server/config";
import { primaryContactsOf } from "@/server/contacts/contact-repository";
import type { Db } from "@/server/db/types";
import { translatorFor } from "@/server/i18n/translator";
import { enqueueEmail } from "@/server/mail/enqueue-email";

/**
 * Tells the company's primary representative that a secondary one joined, with the group's
 * "secondary added" message in the owner's language (the product's own words when the group has
 * none). Inside the caller's transaction: the notice exists if and only if the new contact does.
 */
export async function notifyOwnersOfNewContact(
  db: Db,
  customerId: string,
  contact: { id: string; name: string; email: string },
  now: Date,
): Promise<void> {
  const company = await primaryContactsOf(db, customerId);
  if (!company) return;
  const messages = readPortalMessages(company.portalMessages);
  for (const owner of company.owners) {
    if (owner.id === contact.id) continue;
    const locale = isLocale(owner.locale) ? owner.locale : "en";
    const note = portalMessage(messages, "secondaryAdded", locale) ?? translatorFor(locale)("email.contactAdded.defaultNote");
    await enqueueEmail(
      db,
      owner.email,
      locale,
      {
        template: "contactAdded",
        params: { companyName: company.companyName, contactName: contact.name, contactEmail: contact.email, note, link: `${appUrl()}/portal/team` },
      },
      `contact-added:${contact.id}:${owner.id}`,
      now,
    );
  }
}
