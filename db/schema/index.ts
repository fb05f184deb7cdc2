export * from './companies';
export * from './accounts';
export * from './contacts';
export * from './groups';
export * from './tickets';
export * from './audit';
export * from './mail';
export * from './imports';
