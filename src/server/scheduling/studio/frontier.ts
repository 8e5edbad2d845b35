/** Per batch key, the lots waiting at that key (their previous step planned), by rank (then lot). */
export class Frontier {
  private readonly lists: number[][];

  constructor(
    keyCount: number,
    private readonly rank: ArrayLike<number>,
  ) {
    this.lists = Array.from({ length: keyCount }, () => []);
  }

  at(key: number): readonly number[] {
    return this.lists[key]!;
  }

  private position(list: number[], l: number): number {
    const r = this.rank[l]!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = list[mid]!;
      if (this.rank[other]! < r || (this.rank[other] === r && other < l)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(l: number, key: number): void {
    const list = this.lists[key]!;
    list.splice(this.position(list, l), 0, l);
  }

  remove(l: number, key: number): void {
    const list = this.lists[key]!;
    list.splice(this.position(list, l), 1);
  }
}
