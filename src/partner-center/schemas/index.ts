/** The single source of Partner Center wire types: every type is `z.infer` of a schema here. */
export * from './common';
export * from './errors';
export * from './catalog';
export * from './cart';
export * from './order';
export * from './customer';
export * from './subscription';
