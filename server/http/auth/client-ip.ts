/** Header through which Better Auth learns the client address: set by our bridge, never taken from the client. */
export const CLIENT_IP_HEADER = "x-lamplight-client-ip";
