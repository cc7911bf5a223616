import type { CustomerRoleName } from "@/domain/auth/roles";
import type { CustomerActor } from "@/server/auth/actor";

/** A customer user acting on their own account or company, with their role in it. */
export type SelfServiceActor = CustomerActor & { customerRole: CustomerRoleName };
