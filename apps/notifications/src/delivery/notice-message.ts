/** What a channel carries: the notice as the inbox shows it. */
export interface NoticeMessage {
  deliveryId: string;
  noticeId: string;
  type: string;
  unitId: string;
  caseId: string | null;
  title: string;
  createdAt: string;
}

export interface ChannelSender {
  /** Resolves when the receiver accepted the message; throws with a readable reason otherwise. */
  send(target: string, message: NoticeMessage): Promise<void>;
}
