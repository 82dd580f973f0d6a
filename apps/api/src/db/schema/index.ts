export * from './reference.js';
export * from './users.js';
export * from './organizations.js';
export * from './competitions.js';
export * from './applications.js';
export * from './reviews.js';
export * from './audit.js';
export * from './totals.js';
