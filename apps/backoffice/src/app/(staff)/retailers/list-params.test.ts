import { describe, expect, it } from 'vitest';
import { parseListParams, toListSearch } from './list-params';

const parse = (search: string) => parseListParams(new URLSearchParams(search));

describe('parseListParams', () => {
  it('reads every filter from the address', () => {
    expect(parse('q=%E6%B9%96%E6%BB%A8&districtId=2&grade=24&accountManagerId=7&page=3&pageSize=50')).toEqual({
      q: '湖滨',
      districtId: 2,
      grade: 24,
      accountManagerId: 7,
      page: 3,
      pageSize: 50,
    });
  });

  it('drops what the API would refuse instead of failing the page', () => {
    expect(parse('grade=31&pageSize=30&page=0&districtId=abc&q=')).toEqual({});
    expect(parse('q=' + 'x'.repeat(51))).toEqual({});
  });
});

describe('toListSearch', () => {
  it('leaves out empty values and defaults, so addresses stay short', () => {
    expect(toListSearch({ q: '  ', page: 1, pageSize: 20 })).toBe('');
    expect(toListSearch({ q: '330100000002', grade: 5, page: 2, pageSize: 100 })).toBe('?q=330100000002&grade=5&page=2&pageSize=100');
  });

  it('round-trips through the address', () => {
    const input = { q: '张', districtId: 1, accountManagerId: 4, page: 2, pageSize: 50 as const };
    expect(parseListParams(new URLSearchParams(toListSearch(input)))).toEqual(input);
  });
});
