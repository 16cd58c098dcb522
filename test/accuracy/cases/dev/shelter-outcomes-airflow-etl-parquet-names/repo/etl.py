import pandas as pd
import psycopg2

print('Starting ETL script')

url = "https://shelterdata.s3.amazonaws.com/shelter1000_new.csv"
df = pd.read_csv(url)

# animal_id must be present
assert df['animal_id'].isnull().sum() == 0

# split sex into sex and sex_status
df[['sex_status', 'sex']] = df['sex'].str.split(' ', expand=True)

# expected outcome values
assert len(df['outcome'].unique()) == 7

df['ts'] = pd.to_datetime(df['ts'])
df = df.fillna('')

outcome_dim = df.outcome.value_counts().reset_index().reset_index().loc[:, ['index', 'outcome']].rename(columns={'index': 'outcome_type_id', 'outcome': 'outcome_type'})

outcomes_fact = df.loc[:, ['animal_id', 'ts', 'outcome']]
outcomes_fact.ts = outcomes_fact.ts.dt.date.astype(str).str.replace('-', '').astype(int)
outcomes_fact = pd.merge(outcomes_fact, outcome_dim, left_on='outcome', right_on='outcome_type', how='left')

conn = psycopg2.connect(
    host="db",
    database="shelter_db",
    user="ujas",
    password="postgres_pass"
)

cur = conn.cursor()

for index, row in outcome_dim.iterrows():
    cur.execute(
        "INSERT INTO outcome_dim (outcome_type_id, outcome_type) VALUES (%s, %s)",
        (row['outcome_type_id'], row['outcome_type']))

for index, row in outcomes_fact.iterrows():
    cur.execute(
        "INSERT INTO outcomes_fact (animal_id, date_id, outcome_type_id) VALUES (%s, %s, %s)",
        (row['animal_id'], row['ts'], row['outcome_type_id']))

conn.commit()
cur.close()
conn.close()

print('Finished ETL script')
