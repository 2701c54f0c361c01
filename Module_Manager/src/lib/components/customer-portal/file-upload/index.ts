export { default as FileUpload, type UploadItem } from './file-upload.svelte';
export * from './rules';
