// The corpus's label schema: `.marginalia/schema.json` when valid, else the last good one (said so), else the default.

import { useCallback, useEffect, useState } from 'react';
import type { CorpusInfo } from '../../core/ipc/contract';
import { DEFAULT_SCHEMA, labelDef, type LabelSchema } from '../../core/model/schema';
import { validateSchema } from '../../core/model/schema-validate';
import { host } from '../api/client';
import { getSetting, setSetting } from '../db/annotations';
import { db } from '../db/db';
import type { Notices } from './use-notices';

/** The schema in use and what can be done with it. */
export interface Schema {
  schema: LabelSchema;
  /** A label's colour (grey for a label the schema does not know). */
  colorOf(label: string): string;
  /** Writes a new schema to the corpus and uses it. */
  saveSchema(next: LabelSchema): Promise<void>;
}

/** Reads the schema of each corpus opened. */
export function useSchema(corpus: CorpusInfo | null, notices: Pick<Notices, 'show' | 'say' | 'fail'>): Schema {
  const [schema, setSchema] = useState<LabelSchema>(DEFAULT_SCHEMA);
  const root = corpus?.root ?? null;
  const { show, say, fail } = notices;

  useEffect(() => {
    if (!root) return;
    const key = `schema:${root}`;
    void (async () => {
      try {
        const read = await host.api.readSchema();
        if (read.schema) {
          setSchema(read.schema);
          await setSetting(db, key, JSON.stringify(read.schema));
          return;
        }
        const last = await getSetting(db, key);
        const lastGood = last ? validateSchema(JSON.parse(last)) : null;
        setSchema(lastGood?.ok ? lastGood.schema : DEFAULT_SCHEMA);
        if (read.errors.length) {
          show({ kind: 'error', text: `The corpus's schema file is invalid, so the ${lastGood?.ok ? 'last good schema' : 'default schema'} is used: ${read.errors.join('; ')}` });
        }
      } catch (e) {
        fail('Cannot read the label schema', e);
      }
    })();
  }, [root, show, fail]);

  const saveSchema = useCallback(
    async (next: LabelSchema) => {
      await host.api.writeSchema({ schema: next });
      setSchema(next);
      if (root) await setSetting(db, `schema:${root}`, JSON.stringify(next));
      say('Schema saved to .marginalia/schema.json');
    },
    [root, say],
  );

  const colorOf = useCallback((label: string) => labelDef(schema, label)?.color ?? '#999999', [schema]);
  return { schema, colorOf, saveSchema };
}
