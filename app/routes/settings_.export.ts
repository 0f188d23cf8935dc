// "Download my data": the member's own data as a JSON attachment, never cached on the way.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { throwAsResponse } from "~/http/responses.server";
import { requireViewer } from "~/http/viewer.server";
import { exportAccountData } from "~/services/account-settings.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  try {
    const exported = await exportAccountData(context.db, viewer.id);
    return new Response(JSON.stringify(exported, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="peerdesk-data-${viewer.id}.json"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    throwAsResponse(error);
  }
}
