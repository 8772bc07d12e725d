// Owned by the Rocket.Chat work (issue 3). Placeholder shape until that lands.
export interface RocketChatView {
  configured: boolean;
}
