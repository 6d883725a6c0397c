"""Mail: the mail_records table (each message queued, sent or failed, per facilitator, client and trip).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 17:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('mail_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('trip_id', sa.Integer(), nullable=True),
    sa.Column('recipient', sa.String(length=254), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('message_id', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('queued', 'sent', 'failed')", name=op.f('ck_mail_records_status')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_mail_records_client_id_clients'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_mail_records_owner_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['trip_id'], ['trips.id'], name=op.f('fk_mail_records_trip_id_trips'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_records'))
    )
    with op.batch_alter_table('mail_records', schema=None) as batch_op:
        batch_op.create_index('ix_mail_records_client_created', ['client_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_records_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_records_trip_id'), ['trip_id'], unique=False)


def downgrade():
    with op.batch_alter_table('mail_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_records_trip_id'))
        batch_op.drop_index(batch_op.f('ix_mail_records_owner_id'))
        batch_op.drop_index('ix_mail_records_client_created')

    op.drop_table('mail_records')
