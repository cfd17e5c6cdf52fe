import { describe, expect, it } from 'vitest';
import { findModel, listModels, MODELS } from './models';

describe('models', () => {
  it('lists newest first with the paginated shape', () => {
    const r = listModels(new URLSearchParams('limit=3'));
    if (!r.ok) throw new Error(r.message);
    expect(r.page.data.map((m) => m.id)).toEqual(MODELS.slice(0, 3).map((m) => m.id));
    expect(r.page).toMatchObject({ has_more: true, first_id: MODELS[0]?.id, last_id: MODELS[2]?.id });
    const dates = MODELS.map((m) => Date.parse(m.createdAt));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('pages forward with after_id and back with before_id', () => {
    const all: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r = listModels(new URLSearchParams(after ? `limit=5&after_id=${after}` : 'limit=5'));
      if (!r.ok) throw new Error(r.message);
      all.push(...r.page.data.map((m) => m.id));
      if (!r.page.has_more) break;
      after = r.page.last_id;
    }
    expect(all).toEqual(MODELS.map((m) => m.id));
    const back = listModels(new URLSearchParams(`limit=2&before_id=${MODELS[4]?.id}`));
    expect(back.ok && back.page.data.map((m) => m.id)).toEqual([MODELS[2]?.id, MODELS[3]?.id]);
    expect(back.ok && back.page.has_more).toBe(true);
  });

  it('includes the current ids and resolves aliases', () => {
    for (const id of ['claude-opus-4-8', 'claude-opus-4-7', 'claude-opus-4-6', 'claude-sonnet-4-6', 'claude-haiku-4-5', 'claude-opus-4-5', 'claude-sonnet-4-5']) {
      expect(findModel(id)).toBeDefined();
    }
    expect(listModels(new URLSearchParams('limit=0')).ok).toBe(false);
  });
});
