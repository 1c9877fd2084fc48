/** An error that carries an HTTP 4xx status (botbuilder's AuthenticationError is 401) was the caller's doing. */
export function clientStatus(error: Error): number | undefined {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Type, message and (unless the caller was refused: it needs the reason, not where in botbuilder it was
 * refused) the stack, and nothing else: an error's other fields can hold the request it failed on.
 */
export function errorFields(error: Error): { type: string; message: string; statusCode?: number; stack?: string } {
  // botframework-connector's AuthenticationError keeps the name "Error"; its class says what it is.
  const type = error.name === 'Error' ? error.constructor.name : error.name;
  const statusCode = clientStatus(error);
  return statusCode ? { type, message: error.message, statusCode } : { type, message: error.message, stack: error.stack };
}
