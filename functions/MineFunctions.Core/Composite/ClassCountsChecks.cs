using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Composite;

public static class ClassCountsChecks
{
    /// <summary>Compares <see cref="ClassCounts.ActivePixels"/> of a year index with a published total.</summary>
    public static PublishedTotalCheck CheckPublishedTotal(this ClassCounts counts, int yearIndex, long publishedTotal)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new PublishedTotalCheck(yearIndex, counts.ActivePixels(yearIndex), publishedTotal);
    }
}
