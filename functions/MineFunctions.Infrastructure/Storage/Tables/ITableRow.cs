using Azure.Data.Tables;

namespace MineFunctions.Infrastructure.Storage.Tables;

/// <summary>
/// A result-table row as a small record: its table, its deterministic keys, the columns it owns
/// (the owner writes all of them, ARCHITECTURE.md convention 4) and the way back from an entity.
/// </summary>
public interface ITableRow<TSelf> where TSelf : ITableRow<TSelf>
{
    /// <summary>Table name without the store's prefix, e.g. "PairResults".</summary>
    static abstract string TableName { get; }

    string PartitionKey { get; }

    string RowKey { get; }

    /// <summary>Every column with its value; null means the column is absent.</summary>
    IReadOnlyDictionary<string, object?> ToColumns();

    static abstract TSelf FromEntity(TableEntity entity);
}
