<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>... %1 more bytes
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TtlText</name>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Browse, check and migrate a pm/ JSON tree to Redis / Upstash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pm/ folder to open (default: the last one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select this file once the folder is read (path relative to the folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to this saved connection (default: the last one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to this Upstash-compatible REST endpoint (http(s)://host[:port]); the token is read from the PMKV_TOKEN environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to this Redis server (redis://host:port[/db]).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key layout for --url and --redis: repository (default), strategy or a layout file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the --url or --redis connection read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment of the --url or --redis connection: DEV, STAGING or PROD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a dark palette whatever the desktop&apos;s theme.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv</name>
    <message>
        <source>A job is running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::ActivityDialog</name>
    <message>
        <source>Open the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys or files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::AlignedPane</name>
    <message>
        <source>Only problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search names, files and keys (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows whose name, file or key holds the text, on either side, with their parents; Enter goes to the first one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder... (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect... (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 only in %2, %3 only in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 only in files, %2 only in the key space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pm/ folder open and no connection yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pm/ folder open yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files and keys, aligned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each entity of the folder will appear here on one row with its key beside it, and its sync state; what one side lacks shows as a placeholder row. View &gt; Aligned Mode (Ctrl+L) switches to the namespace view of the key space.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::AlignedTree</name>
    <message>
        <source>projects list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epics list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stories list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::AlignedTreeModel</name>
    <message>
        <source>(missing) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no file) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no key) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder has no file for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 maps to no key (see its problems).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key space has no key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key space</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::ArchiveChecklistPage</name>
    <message>
        <source>A verified backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A free target name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same filesystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unfinished run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key space matches the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive the folder: the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder is renamed (never deleted) once every item below holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking: reading the backup and validating the whole folder against %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking: reading the backup...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename %1
to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every item holds: the folder can be archived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder cannot be archived until every item holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making a verified backup beside the folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating the whole folder against %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pm/ folder is open: open one first (File &gt; Open Folder, Ctrl+O), then archive it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::ArchiveWizard</name>
    <message>
        <source>Undo the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renaming the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder is archived as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder was not archived: a check no longer holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is undone: %1 is back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::BackupChoicePage</name>
    <message>
        <source>&amp;Make a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify an existing backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files: the folder as a .tar.gz with a SHA-256 manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the files of a folder that is not empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key space %1: a snapshot of the layout&apos;s keys (NDJSON + SHA-256 manifest, in the state folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key space: no connection is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup or snapshot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the live folder: its files will be replaced. Tick the box above and type the folder&apos;s name, %1, to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup archive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into the folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 does not exist or is not a file: choose an existing backup with Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the files, the key space or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive folder: give the folder the archive goes into (it is made if missing), or untick the files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup or snapshot: choose the file to verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup archive: choose the .tar.gz to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into the folder: give the folder to restore into (it is made if missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into the folder: %1 is a file: give a folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::BackupWizard</name>
    <message>
        <source>%1 files, %2 bytes: every file matches its SHA-256 in the manifest.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It does **not** verify:

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**Key space:** `%1`

%2 keys, %3 bytes: the file matches the SHA-256 of its manifest.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not strings (listed, not restorable): %1

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive SHA-256: `%1`

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not archived (symbolic links, special files): %1

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is written and verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was written but does not verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot verifies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup verifies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup does not verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**Into:** `%1`

%2 files, %3 bytes, each checked against the manifest first.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::ComparisonWindow</name>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed, %2 only in %3, %4 only in %5, %6 unreadable, %7 equal JSON; %8 the same (not listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the differences...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an entity to see its two sides.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::ConnectionPage</name>
    <message>
        <source>Target connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the connection&apos;s own (keychain, environment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token or password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type %1 to write to PROD:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the one the main window connected with</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::ConnectionsDialog</name>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import .env.local...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://eu1-xyz.upstash.io, http://127.0.0.1:8080 or redis://127.0.0.1:6379</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstash REST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local REST proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pm (the layout&apos;s own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only (only reading commands are sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST connections: the system&apos;s proxy setting, none, or an address such as http://proxy:3128 or socks5://proxy:1080</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token or password (leave empty to use the saved one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving &quot;%1&quot; ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;; its secret is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot; in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing &quot;%1&quot; ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a .env.local file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Env files (.env*);;All (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported &quot;%1&quot; from %2 (the tokens are in the keychain, not shown).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1 ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: 1 key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %L1 keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse from replicas (Redis Cluster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key tree, the comparison and the values are read from the masters&apos; replicas, which spreads the load but may lag behind by the replication delay. Edits, migrations and every other job read the masters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::DiffResultPage</name>
    <message>
        <source>type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3 entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export HTML...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON (RFC 6902)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed, %2 only on the left, %3 only on the right, %4 unreadable, %5 with another type or TTL; %6 equal as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two sides hold the same data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an entity to see its fields side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not compared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no result to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in the Main Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in the Aligned View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides as one entity tree, row by row, with the field diff of the selected entity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::DiffSidesPage</name>
    <message>
        <source>Ignore differences in whitespace inside strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare two sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A side is a pm/ folder, a backup archive (.tar.gz), a snapshot file, a saved connection (conn:NAME) or an address (https://..., redis://...; a REST token comes from PMKV_TOKEN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Right:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key &amp;layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ignore fields:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrays as &amp;sets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name both sides.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::DiffView</name>
    <message>
        <source>Ignore whitespace in text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous (Shift+F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an entity that exists in the folder and in the key space to compare them field by field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing &lt;b&gt;%1&lt;/b&gt; and &lt;b&gt;%2&lt;/b&gt; (%3 MiB) …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; and &lt;b&gt;%2&lt;/b&gt;: the same document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not JSON (%2): compared as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (left) and &lt;b&gt;%2&lt;/b&gt; (right): 1 difference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (left) and &lt;b&gt;%2&lt;/b&gt; (right): %L3 differences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 &lt;b&gt;%2&lt;/b&gt; (left) and &lt;b&gt;%3&lt;/b&gt; (right): %n difference(s) in the text.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pmkv::DiffWizard</name>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading and comparing the two sides</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::DocumentText</name>
    <message>
        <source> ... (%1 more characters on this line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... (%1 more bytes are not shown)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::DocumentView</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a file to see its content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;middot; %2 &amp;middot; %3 bytes&lt;br&gt;&lt;small&gt;SHA-256 %4&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;middot; folder &amp;middot; %2 errors, %3 warnings inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;middot; %2 &amp;middot; %3 &amp;middot; %4 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 bytes are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading &lt;b&gt;%1&lt;/b&gt;: %2 of %3 MiB ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 MiB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::EntityDiffPresenter</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::EntityIcons</name>
    <message>
        <source>L: a list key (the projects, epics or stories list)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::EnvironmentBand</name>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::FilePane</name>
    <message>
        <source>Search name, id or title (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pm/ folder open yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The projects, epics and stories of a pm/ folder will appear here, each with its problems and its sync state against the key space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder... (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::FileTreeModel</name>
    <message>
        <source>1 error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::KvLoader</name>
    <message>
        <source>Connecting to &quot;%1&quot; ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keys named by the layout&apos;s lists (this connection cannot SCAN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scanned all %1 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scanned %1 of %2 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scanned %1 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compared %1 of %2 keys of the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compared all %1 keys of the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the list keys of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing with %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1, not a string: PMKV keeps every document as a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the value failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::KvPane</name>
    <message>
        <source>Connect... (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the rest of the key space in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys of an Upstash database, a local proxy or a Redis server will appear here, aligned with the files on the left, each with its sync state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys only in the files have no row here: the aligned mode (Ctrl+L) shows them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::KvTreeModel</name>
    <message>
        <source>scanned %1 of %2 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scanned %1 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading more keys... (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more keys (%1): double-click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes in memory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::LegendDialog</name>
    <message>
        <source>the key holds what the application would write for the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same document, written differently (key order, spacing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a different document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a key of the layout whose file is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has errors, or the value is not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a key that is not an entity (sessions, caches ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not compared yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>!: errors (round)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>!: warnings (triangle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync states</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::LocalEnvConnection</name>
    <message>
        <source>Local environment (pmkv env)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::LocalEnvPanel</name>
    <message>
        <source>running, answers (pid %1, 127.0.0.1:%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running, does not answer (pid %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete every key of the local Redis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Redis + REST proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redis-server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pmkv-proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines for .env.local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the pair to get the lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting; waiting until both answer...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key of the local Redis is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::MainWindow</name>
    <message>
        <source>PMKV Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a key to see its value, type, TTL and size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a pm/ folder with Ctrl+O.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected (Ctrl+K).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed %1 files in %2 ms; reading them ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 - the keys and states shown are the last ones read (stale); press Retry or F5 once the server is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1 was cancelled after %2 of %3 MiB. Select the key again to load it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connections...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy File Value to &amp;KV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy KV Value to &amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Field to KV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Field to F&amp;ile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Key Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Key Edit As &amp;Typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Key...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Loading the Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expand All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Collapse All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About PMKV Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About PMKV Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;PMKV Studio %1&lt;/b&gt;&lt;p&gt;Browse, check and migrate a pm/ JSON tree to Redis and Upstash.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a pm/ folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; is read-only: nothing can be written to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of &quot;%1&quot; is read-only (the server refuses SCAN with it): nothing can be written with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 projects, %3 epics, %4 stories, %5 other files (%6 MB) - %7 errors, %8 warnings - read in %9 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> - &quot;%1&quot; is not in this folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a file or a key to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 maps to no key (see its problems).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing the folder with the key space ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the key %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no counterpart: the key %2 is not in the key space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 is not loaded yet (the scan is partial).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 is not shown (filtered out or not loaded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1 ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 has no file in the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the file %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is filtered out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 has no file to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 holds no value to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Migrate Folder to KV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roll Back a Run...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activity...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back Up, Verify or Restore...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare Two Sides...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;rchive the Folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: %1 (from the Migration menu).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration Phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of the PROD connection &quot;%1&quot; was not typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to PROD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This writes %1 on the PRODUCTION key space &quot;%2&quot;.
Type the connection name to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another write is still running; try again when it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not written: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not written: the typed name does not match the PROD connection &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1 was refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds this value: nothing written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undid the write of %1 (journal run %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 (journal run %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a key that maps to a file under the open folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 holds no complete string value to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not copied: the value of %1 is not JSON (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy %1 to the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a key to edit, with a connection open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 holds no complete string value to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is unchanged: nothing written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the edit of %1 is not valid JSON at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a difference in the Differences tab (F7) to copy its field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 holds no complete string value to copy a field of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy %1 of %2 to KV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy %1 of %2 to the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a file that maps to a key, with a connection open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy %1 to KV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the badge letters and the state shapes mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a key space first (Ctrl+K).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a pm/ folder first (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an entity whose file and key differ: its changes show in the Differences tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two sides are compared as text (one is not JSON): there is no field to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file and the key hold the same document: there is no field to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the value of %1 ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 holds no complete string value to edit here (a hash, list, set or stream is edited in its table).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a pm/ folder (Ctrl+O) and connect to a key space (Ctrl+K) to see what differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a key space (Ctrl+K) to compare the folder with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a pm/ folder (Ctrl+O) or connect to a key space (Ctrl+K) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Aligned Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files and keys as one hierarchy, row by row; off: the key space as a namespace tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other entity differs between the files and the key space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed on disk since the folder was read: this compares the file as it was read. Refresh (F5) to read it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K&amp;ey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Key...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename Key...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Key...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;TTL...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove TTL (&amp;Persist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a key in the key tree first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a connection and select a key to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set the TTL of %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove the TTL of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not created: give the key a name and a type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expire %1 after (e.g. 90s, 15m, 2h, 1d 12h):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set: &quot;%1&quot; is not a duration (try 90s, 15m, 2h, 1d).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 and take %2 out of %3? (Edit &gt; Undo puts both back.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? (Edit &gt; Undo puts it back.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a connection first (Ctrl+K).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sorted set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a key of the key space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 is not in the key space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a file of the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a list key: the folder&apos;s lists follow from its files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an entity of the layout &quot;%2&quot;: it has no file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::MigrateLayoutPage</name>
    <message>
        <source>Key layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How entities are named in the key space. The keys below are what entities of this folder get.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::MigratePlanPage</name>
    <message>
        <source>Field diff of the update…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the migration will do with each key. Nothing has been written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter keys and files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning: %1 of %2 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to create, %2 to update, %3 to skip, %4 conflicts; %5 bytes to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files could not be mapped and are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field diff: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the plan again, with the same connection and scope.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::MigrateScopePage</name>
    <message>
        <source>The whole folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen projects:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a verified backup of the folder first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate both ways afterwards (every key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope and policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to migrate, and what to do with keys that already hold something else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop at a key that holds something else (conflict)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep keys that hold something else (skip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace keys that hold something else (update)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current selection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current selection (no project of this folder is selected)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::MigrateSourcePage</name>
    <message>
        <source>Source folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pm/ folder to migrate. Files with errors are left out of the migration; warnings are migrated as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pm/ folder to migrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 projects, %2 epics, %3 stories; %4 errors (left out), %5 warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left out of the migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migrated as they are</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::MigrateWizard</name>
    <message>
        <source>Migrate a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key space the folder is migrated into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped after %1 keys. The run can be resumed or rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrated: %1 keys written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrated with warnings: %1 keys written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop it after the current batch and close? A migration stopped this way can be resumed or rolled back later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::NextStepText</name>
    <message>
        <source>Type the connection&apos;s name &quot;%1&quot; to write to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Connections (Ctrl+K), select &quot;%1&quot;, type its secret again and save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a saved connection in Connections (Ctrl+K).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type another name, or remove the saved &quot;%1&quot; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick &quot;Remember in the system keychain&quot; to keep the secret for this session only, or unlock the keyring and save again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::OverviewStrip</name>
    <message>
        <source>Where the differences are; click to jump</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::PathField</name>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::PhaseDashboard</name>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the data stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next safe step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder: %1
Key space: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the folder, the runs and the key space...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 did not finish: it needs attention first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n journal(s) cannot be read: listed under Runs, with why. Fix them or move them out of the runs folder; a new migration is refused meanwhile if one is a migration&apos;s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::PlanItemModel</name>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::ProblemGroupTree</name>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::ProgressWording</name>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keys/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::RollbackWizard</name>
    <message>
        <source>deleted (the run created it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>previous value put back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already as before: left alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed by someone else since: only with the box below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>previous value not a string: left alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key space the run wrote to. Connecting also previews the rollback: nothing is written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs journaled on this machine, newest first. Greyed runs are undone another way (hover for how).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the rollback changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key the run wrote, and what happens to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes put back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also put back keys changed by someone else since the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the journals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run has been journaled in %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 wrote %2 keys: %3 to delete, %4 to put back, %5 already as before, %6 changed since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 rolled back: %2 keys deleted, %3 put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback of run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* keys the run wrote: %1
* deleted: %2
* put back: %3
* already as before: %4
* rollback run: %5
* seconds: %6
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* left alone (not a string before): %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the rollback after the current batch and close? Rolling the same run back again finishes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a Backup or Snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next renames %1 back to %2 (the archive is undone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is undone: %1 is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync run %1 undone in %2: %3 files put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* left alone: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n journal(s) cannot be read: listed greyed, with why in the tooltip. Their runs cannot be undone until the file is fixed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pmkv::RunHistoryList</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::ServerPanel</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not available over REST (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not available (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DBSIZE (this database)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keys in this database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes not known (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 - %3 of %4 slots served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 masters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slots %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slots moving: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered this panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DBSIZE (all masters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1 (the one that answered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis Cluster of %1 masters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 used on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keys in the cluster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::StatusLabel</name>
    <message>
        <source>(click to see the message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::StepCaption</name>
    <message>
        <source>Resume the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back the run, replacing keys changed since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrate the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrate again, replacing keys that differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a verified backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the PROD connection&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the local Redis and proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore over the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow plain http</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the sync, replacing values changed since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the pending writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align the folder first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the saved connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the secret for this session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::SyncState</name>
    <message>
        <source>not compared yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equal JSON, other bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only in files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only in KV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the layout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::TextDiff</name>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines %1-%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::ValueTableView</name>
    <message>
        <source>field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sorted set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first %1 of %2 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;middot; %2 &amp;middot; %3 &amp;middot; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Push...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set field %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: the score &quot;%1&quot; is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add an entry to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete field %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove item %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete entry %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set item %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed: the score &quot;%1&quot; is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set the score of %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::WizardLauncher</name>
    <message>
        <source>Stop it after the current batch and quit? A migration stopped this way can be resumed or rolled back later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::WorkflowProgressPage</name>
    <message>
        <source>Planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking a snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops after the batch being written; the run can be resumed or rolled back afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pmkv::WorkflowReportPage</name>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
