/** The version of this client, sent in `X-Eduvn-Client`. */
export const CLIENT_VERSION = '0.1.0';
