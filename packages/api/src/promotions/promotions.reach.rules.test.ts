import { describe, expect, it } from 'vitest';
import { promotionBodyText, sanitizePromotionBody } from './promotions.body.rules';
import { foldReach, mayDecide, nextPromotionState, parseLicenceList } from './promotions.reach.rules';

describe('parseLicenceList', () => {
  it('reads licences separated by lines, commas, tabs and spaces, skipping a header and duplicates', () => {
    const parsed = parseLicenceList('\uFEFF许可证号\r\n330100000001, 330100000002\n330100000001\t330100000003\n\n"330100000004"');
    expect(parsed.licences).toEqual(['330100000001', '330100000002', '330100000003', '330100000004']);
    expect(parsed.duplicates).toBe(1);
    expect(parsed.invalid).toEqual([]);
  });

  it('names each entry that is not a licence number with its line', () => {
    const parsed = parseLicenceList('330100000001\n33010000000\nabc 330100000002x');
    expect(parsed.licences).toEqual(['330100000001']);
    expect(parsed.invalid).toEqual([
      { line: 2, value: '33010000000' },
      { line: 3, value: 'abc' },
      { line: 3, value: '330100000002x' },
    ]);
  });

  it('accepts full-width separators typed on Chinese keyboards', () => {
    expect(parseLicenceList('330100000001，330100000002；330100000003').licences).toHaveLength(3);
  });
});

describe('foldReach', () => {
  it('splits the grouping sets into a total, grades in order (ungraded last) and districts by size', () => {
    const reach = foldReach([
      { kind: 'grade', grade: 24, districtId: null, n: 3 },
      { kind: 'grade', grade: null, districtId: null, n: 1 },
      { kind: 'grade', grade: 8, districtId: null, n: 2 },
      { kind: 'district', grade: null, districtId: 5, n: 2 },
      { kind: 'district', grade: null, districtId: 2, n: 4 },
      { kind: 'total', grade: null, districtId: null, n: 6 },
    ]);
    expect(reach).toEqual({
      total: 6,
      byGrade: [
        { grade: 8, n: 2 },
        { grade: 24, n: 3 },
        { grade: null, n: 1 },
      ],
      byDistrict: [
        { districtId: 2, n: 4 },
        { districtId: 5, n: 2 },
      ],
    });
  });

  it('is zero when the target covers no one', () => {
    expect(foldReach([])).toEqual({ total: 0, byGrade: [], byDistrict: [] });
  });
});

describe('promotion states', () => {
  it('follows draft → pending → approved → live → ended, with withdraw at any time before the end', () => {
    expect(nextPromotionState('DRAFT', 'submit')).toBe('PENDING_APPROVAL');
    expect(nextPromotionState('PENDING_APPROVAL', 'approve')).toBe('APPROVED');
    expect(nextPromotionState('PENDING_APPROVAL', 'reject')).toBe('REJECTED');
    expect(nextPromotionState('REJECTED', 'edit')).toBe('DRAFT');
    expect(nextPromotionState('APPROVED', 'goLive')).toBe('LIVE');
    expect(nextPromotionState('LIVE', 'end')).toBe('ENDED');
    for (const state of ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'LIVE', 'REJECTED'] as const)
      expect(nextPromotionState(state, 'withdraw')).toBe('WITHDRAWN');
  });

  it('refuses what the workflow does not allow', () => {
    expect(nextPromotionState('DRAFT', 'approve')).toBeNull();
    expect(nextPromotionState('PENDING_APPROVAL', 'edit')).toBeNull();
    expect(nextPromotionState('APPROVED', 'approve')).toBeNull();
    expect(nextPromotionState('ENDED', 'withdraw')).toBeNull();
    expect(nextPromotionState('WITHDRAWN', 'withdraw')).toBeNull();
    expect(nextPromotionState('WITHDRAWN', 'goLive')).toBeNull();
  });

  it('never lets the author decide', () => {
    expect(mayDecide(7, 7)).toBe(false);
    expect(mayDecide(7, 8)).toBe(true);
  });
});

describe('sanitizePromotionBody', () => {
  it('keeps simple formatting and safe links, drops scripts, handlers, styles and unsafe links', () => {
    const html =
      '<h3 onclick="x()">标题</h3><p style="color:red">正文<b>加粗</b><i>斜体</i></p><ul><li>一</li></ul><script>alert(1)</script><img src=x onerror=alert(1)><a href="https://example.com" onclick="x()">链接</a><a href="javascript:alert(1)">坏链接</a><iframe src="https://evil"></iframe>';
    expect(sanitizePromotionBody(html)).toBe(
      '<h3>标题</h3><p>正文<strong>加粗</strong><em>斜体</em></p><ul><li>一</li></ul><a href="https://example.com" rel="noopener noreferrer" target="_blank">链接</a>',
    );
  });

  it('reads the plain text, so an empty body can be told apart', () => {
    expect(promotionBodyText('<p> </p><p><br></p>')).toBe('');
    expect(promotionBodyText('<p>满 10 条</p><p>赠积分</p>')).toBe('满 10 条 赠积分');
  });
});
