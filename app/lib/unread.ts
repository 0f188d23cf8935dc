// How far unread notifications are counted, and how the count reads: the bell and the inbox say
// "99+" beyond, so counting never has to go further than the cap.
export const UNREAD_COUNT_CAP = 100;

export function unreadCountText(unread: number): string {
  return unread >= UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP - 1}+` : String(unread);
}
