/** How a Partner Center call failed, as the client classifies it: what decides retrying and the rep's message. */
export type PartnerCenterErrorKind =
  | 'throttled'
  | 'auth'
  | 'mfa'
  | 'transient'
  | 'business'
  | 'not_found'
  | 'network'
  | 'timeout'
  /** A 2xx whose body does not match the wire schema: the service changed or we are talking to the wrong host. */
  | 'invalid_response';
