/** The partner user (an Admin agent) whose one-time MFA consent yielded the sandbox's refresh token. */
export const SANDBOX_PARTNER_USER = {
  objectId: '9db12087-fbc3-481c-8965-73d44ff88e27',
  upn: 'admin.agent@sandbox-partner.onmicrosoft.com',
} as const;
