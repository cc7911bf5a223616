import type { ActionState } from "./action-state";

/** The initial state of every action form (kept apart so client components import no server code). */
export const idle: ActionState = { status: "idle" };
