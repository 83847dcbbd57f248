namespace CaseOps.Paging
{
    /// <summary>
    /// The keys a listing has emitted, as 64-bit values in one open-addressing table (docs/architecture.md,
    /// "Paging"): 8 bytes a slot, a power of two of slots at most three quarters full, so 11 to 21 bytes per
    /// item (16.8 MB for a million, docs/performance.md) and no object per key. Not thread-safe; one
    /// listing's enumerator owns it.
    /// </summary>
    internal sealed class KeySet
    {
        private const int InitialBits = 8;
        private long[] _slots = new long[1 << InitialBits];
        private int _bits = InitialBits;
        private int _nonZero;
        private bool _hasZero; // 0 marks a free slot, so the key 0 is kept aside

        public long Count => _nonZero + (_hasZero ? 1 : 0);

        /// <summary>Adds <paramref name="key"/>; false when it was already there.</summary>
        public bool Add(long key)
        {
            if (key == 0)
            {
                if (_hasZero)
                    return false;
                _hasZero = true;
                return true;
            }
            if ((long)(_nonZero + 1) * 4 > (long)_slots.Length * 3)
                Grow();
            if (!Insert(_slots, _bits, key))
                return false;
            _nonZero++;
            return true;
        }

        private void Grow()
        {
            var bits = _bits + 1;
            var slots = new long[1 << bits];
            foreach (var key in _slots)
            {
                if (key != 0)
                    Insert(slots, bits, key);
            }
            _slots = slots;
            _bits = bits;
        }

        private static bool Insert(long[] slots, int bits, long key)
        {
            var mask = slots.Length - 1;
            // Fibonacci hashing spreads sequential ids (case numbers, ticket ids) over the whole table.
            var i = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> (64 - bits));
            while (true)
            {
                var slot = slots[i];
                if (slot == 0)
                {
                    slots[i] = key;
                    return true;
                }
                if (slot == key)
                    return false;
                i = (i + 1) & mask;
            }
        }
    }

    /// <summary>Turns an item's id into the 64-bit key a <see cref="PageStream{T}"/> remembers.</summary>
    public static class ListingKey
    {
        /// <summary>
        /// A 64-bit FNV-1a hash of a text id (file event ids). Two ids sharing a hash is a chance of about one in
        /// 30 million in a listing of a million ids; the second would be left out as a repeat, and with a
        /// total known the listing then ends with ListingIncomplete instead of silently short.
        /// </summary>
        public static long Of(string? id)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in id ?? string.Empty)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
            return unchecked((long)hash);
        }
    }
}
