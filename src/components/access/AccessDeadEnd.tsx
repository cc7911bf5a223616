import { Alert } from "@/components/ui";

/** Where an access request cannot go on (unknown link, portal off): what happened, in one sentence. */
export function AccessDeadEnd({ title, body, testId }: { title: string; body: string; testId: string }) {
  return (
    <div className="flex flex-col gap-3">
      <h1>{title}</h1>
      <Alert tone="error" testId={testId}>
        {body}
      </Alert>
    </div>
  );
}
