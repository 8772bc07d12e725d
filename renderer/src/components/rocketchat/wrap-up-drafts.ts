/**
 * What the agent typed into a room's wrap-up, per call, until they submit it. It lives outside
 * the form: a new call that takes the room panel away (or the panel itself going away) must not
 * cost the agent their notes; the form starts from the draft when it comes back.
 */
export interface WrapUpDraft {
  comment: string;
  tags: string;
}

const drafts = new Map<string, WrapUpDraft>();

export const wrapUpDrafts = {
  get: (ivrid: string): WrapUpDraft | undefined => drafts.get(ivrid),
  set: (ivrid: string, draft: WrapUpDraft): void => void drafts.set(ivrid, draft),
  delete: (ivrid: string): void => void drafts.delete(ivrid),
};
