/**
 * Busy intervals of one resource, sorted and disjoint; touching intervals are
 * merged so a conflict check jumps past a whole busy block at once.
 */
export class Timeline {
  private starts: number[] = [];
  private ends: number[] = [];

  /** Index of the first interval with end > t. */
  private after(t: number): number {
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** End of the busy block overlapping [s, e), or -1 if [s, e) is free. */
  conflictEnd(s: number, e: number): number {
    if (e <= s) return -1;
    const i = this.after(s);
    return i < this.ends.length && this.starts[i]! < e ? this.ends[i]! : -1;
  }

  /**
   * Earliest t' ≥ t where a free stretch of at least `len` minutes begins.
   * A busy period needing `len` minutes of work can never fit a shorter gap,
   * so the slot search uses this to hop over small gaps cheaply.
   */
  nextGap(t: number, len: number): number {
    const { starts, ends } = this;
    let i = this.after(t);
    let from = t;
    while (i < starts.length) {
      if (starts[i]! - from >= len) return from;
      from = ends[i]!;
      i++;
    }
    return from;
  }

  /** Add [s, e); the caller guarantees it does not overlap existing intervals. */
  insert(s: number, e: number): void {
    if (e <= s) return;
    const i = this.after(s);
    const joinsPrev = i > 0 && this.ends[i - 1] === s;
    const joinsNext = i < this.starts.length && this.starts[i] === e;
    if (joinsPrev && joinsNext) {
      this.ends[i - 1] = this.ends[i]!;
      this.starts.splice(i, 1);
      this.ends.splice(i, 1);
    } else if (joinsPrev) this.ends[i - 1] = e;
    else if (joinsNext) this.starts[i] = s;
    else {
      this.starts.splice(i, 0, s);
      this.ends.splice(i, 0, e);
    }
  }

  /** Remove [s, e), which the caller guarantees lies inside one busy block (it was inserted before). */
  remove(s: number, e: number): void {
    if (e <= s) return;
    const i = this.after(s);
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    if (i >= this.starts.length || start > s || end < e) throw new Error(`timeline: [${s}, ${e}) is not busy`);
    if (start === s && end === e) {
      this.starts.splice(i, 1);
      this.ends.splice(i, 1);
    } else if (start === s) this.starts[i] = e;
    else if (end === e) this.ends[i] = s;
    else {
      this.ends[i] = s;
      this.starts.splice(i + 1, 0, e);
      this.ends.splice(i + 1, 0, end);
    }
  }
}
