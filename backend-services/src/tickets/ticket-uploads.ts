import multer from 'multer';
import type { Request, RequestHandler } from 'express';
import type { TConfig } from '../config.ts';
import type { UploadedFile } from './ticket-files.ts';

/**
 * Multipart parsing for ticket routes: files stay in memory (size- and count-limited) until every one
 * has been checked, so nothing reaches the disk before the whole request is accepted. Form fields are
 * small text only. JSON requests pass through untouched.
 */
export function ticketUploads(config: Pick<TConfig, 'UPLOAD_MAX_FILE_MB' | 'UPLOAD_MAX_FILES'>): RequestHandler {
  return multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: Math.floor(config.UPLOAD_MAX_FILE_MB * 1024 * 1024), files: config.UPLOAD_MAX_FILES, fields: 20, fieldSize: 64 * 1024, parts: config.UPLOAD_MAX_FILES + 20 },
  }).array('files', config.UPLOAD_MAX_FILES);
}

export function uploadedFilesOf(req: Request): UploadedFile[] {
  return Array.isArray(req.files) ? req.files.map((f) => ({ originalname: f.originalname, buffer: f.buffer, size: f.size })) : [];
}
