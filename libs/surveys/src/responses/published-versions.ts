import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface PublishedVersion {
  id: string;
  surveyId: string;
  version: number;
  definition: Record<string, unknown>;
}

const CACHE_LIMIT = 256;

/**
 * Published versions never change (a trigger forbids it), so every process may cache them without
 * invalidation. Survey settings (window, municipalities) do change and are never cached.
 */
@Injectable()
export class PublishedVersions {
  private readonly cache = new Map<string, PublishedVersion>();

  constructor(private readonly dataSource: DataSource) {}

  async find(versionId: string): Promise<PublishedVersion | null> {
    const cached = this.cache.get(versionId);
    if (cached) return cached;
    const [row] = await this.dataSource.query(
      `SELECT id, survey_id AS "surveyId", version, definition FROM survey_version
        WHERE id = $1 AND published_at IS NOT NULL`,
      [versionId],
    );
    if (!row) return null;
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(versionId, row);
    return row;
  }
}
