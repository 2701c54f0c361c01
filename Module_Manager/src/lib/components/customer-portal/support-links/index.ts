export * from './support-links';
