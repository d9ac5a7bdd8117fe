/**
 * Who may ask main for a backend port. Only the app's own page in a window main created: a
 * page that got navigated elsewhere, or any other webContents, must not reach the backend.
 */
import { isAppUrl } from './origin';

export interface SenderInfo {
  /** `event.senderFrame?.url`: null once the frame is gone. */
  senderFrameUrl: string | null | undefined;
  /** `event.sender.id`. */
  senderId: number;
  /** webContents ids of the windows main created. */
  trustedIds: ReadonlySet<number>;
}

export function isTrustedSender({ senderFrameUrl, senderId, trustedIds }: SenderInfo): boolean {
  return trustedIds.has(senderId) && isAppUrl(senderFrameUrl);
}
