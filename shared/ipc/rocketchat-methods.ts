// Owned by the Rocket.Chat work (issue 3): its IPC methods, merged into the contract.
export const rocketChatMethods = {} as const;
