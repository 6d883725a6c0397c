"""Agencies and roles: every account joins an agency, and what the account owned now belongs to it.

Each existing account becomes the owner of a one-person agency whose id is the account's id, so
the owner_id of clients, trips, feeds, clinics, protocols, mail records and the dashboard's
index keep their values and only change what they point to (agencies instead of users).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 23:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

#: the tables whose owner_id moves from users to agencies
OWNED = ('clients', 'custom_clinics', 'custom_protocols', 'trips', 'feed_tokens', 'trip_appointments', 'mail_records')
ROLE_CHECK = "role IN ('owner', 'coordinator', 'finance', 'viewer')"


def _point_owner_at(table, target):
    old, new = ('users', 'agencies') if target == 'agencies' else ('agencies', 'users')
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.drop_constraint(f'fk_{table}_owner_id_{old}', type_='foreignkey')
        batch_op.create_foreign_key(f'fk_{table}_owner_id_{new}', new, ['owner_id'], ['id'], ondelete='CASCADE')


def upgrade():
    op.create_table('agencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('coordinators_see_all', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agencies'))
    )
    op.execute(
        "INSERT INTO agencies (id, name, coordinators_see_all, created_at)"
        " SELECT id, CASE WHEN display_name <> '' THEN display_name ELSE email END, false, created_at FROM users"
    )
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("SELECT setval('agencies_id_seq', COALESCE((SELECT max(id) FROM agencies), 0) + 1, false)")
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('agency_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('role', sa.String(length=16), nullable=False, server_default='owner'))
        batch_op.add_column(sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE users SET agency_id = id")
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('agency_id', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('role', existing_type=sa.String(length=16), server_default=None)
        batch_op.create_check_constraint(op.f('ck_users_role'), ROLE_CHECK)
        batch_op.create_foreign_key(batch_op.f('fk_users_agency_id_agencies'), 'agencies', ['agency_id'], ['id'], ondelete='CASCADE')
        batch_op.create_index(batch_op.f('ix_users_agency_id'), ['agency_id'], unique=False)
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.add_column(sa.Column('coordinator_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_clients_coordinator_id_users'), 'users', ['coordinator_id'], ['id'], ondelete='SET NULL')
        batch_op.create_index(batch_op.f('ix_clients_coordinator_id'), ['coordinator_id'], unique=False)
    with op.batch_alter_table('feed_tokens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_by', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_feed_tokens_created_by_users'), 'users', ['created_by'], ['id'], ondelete='SET NULL')
    op.execute("UPDATE feed_tokens SET created_by = owner_id WHERE owner_id IS NOT NULL")
    for table in OWNED:
        _point_owner_at(table, 'agencies')
    op.create_table('agency_invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('invited_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint(ROLE_CHECK, name=op.f('ck_agency_invitations_role')),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_agency_invitations_agency_id_agencies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['invited_by'], ['users.id'], name=op.f('fk_agency_invitations_invited_by_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agency_invitations')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_agency_invitations_token_hash'))
    )
    with op.batch_alter_table('agency_invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agency_invitations_agency_id'), ['agency_id'], unique=False)


def downgrade():
    """Back to one account per workspace: only an agency founded by an account of the same id keeps its data.

    Before 0014 an account owns its rows directly. An agency whose id is its founding owner's
    account id (every agency the upgrade made) gives its rows back to that account; the rows of any
    other agency (made after the upgrade) are deleted, never handed to an account of another agency
    that happens to have that id. Removed members are deleted: before 0014 nothing could keep them
    out. Other members stay as accounts of their own, with nothing in them.
    """
    with op.batch_alter_table('agency_invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agency_invitations_agency_id'))
    op.drop_table('agency_invitations')
    founders = "SELECT id FROM users WHERE agency_id = id AND role = 'owner' AND removed_at IS NULL"
    for table in OWNED:
        op.execute(f"DELETE FROM {table} WHERE owner_id IS NOT NULL AND owner_id NOT IN ({founders})")
    op.execute("DELETE FROM users WHERE removed_at IS NOT NULL")
    for table in OWNED:
        _point_owner_at(table, 'users')
    with op.batch_alter_table('feed_tokens', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_feed_tokens_created_by_users'), type_='foreignkey')
        batch_op.drop_column('created_by')
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clients_coordinator_id'))
        batch_op.drop_constraint(batch_op.f('fk_clients_coordinator_id_users'), type_='foreignkey')
        batch_op.drop_column('coordinator_id')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_agency_id'))
        batch_op.drop_constraint(batch_op.f('fk_users_agency_id_agencies'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('ck_users_role'), type_='check')
        batch_op.drop_column('removed_at')
        batch_op.drop_column('role')
        batch_op.drop_column('agency_id')
    op.drop_table('agencies')
