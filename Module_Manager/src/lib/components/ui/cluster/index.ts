export { default as Cluster } from './cluster.svelte';
