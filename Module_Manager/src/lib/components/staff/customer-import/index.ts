export { default as ImportUpload } from './import-upload.svelte';
export { default as ImportMapping } from './import-mapping.svelte';
export { default as ImportResult } from './import-result.svelte';
